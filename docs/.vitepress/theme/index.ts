export { default } from 'notepress/theme';
