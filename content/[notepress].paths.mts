// Notepress's generated pages. Keep this file: the site config provides the list.
export default { paths: () => (globalThis as { __notepressRoutes?: () => unknown[] }).__notepressRoutes?.() ?? [] };
