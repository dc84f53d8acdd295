// For plain tsc; vue-tsc (npm test) resolves each .vue file and checks it for real.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
