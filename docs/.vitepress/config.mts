// This repository's own notebook, built exactly as any notebook is: with the package.
import { defineNotepressConfig } from 'notepress/config';

export default defineNotepressConfig({ contentDir: 'content' });
