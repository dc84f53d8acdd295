/**
 * Keeps `<meta name="theme-color">` (the browser's own bar, on phones) the colour of the
 * page. The two tags in the page's head answer the system's scheme by their `media`,
 * which is right from the first paint for a reader who has not chosen; once the theme
 * runs, both take the scheme the page shows, so the reader's own choice (the toggle)
 * wins. Done here rather than by an inline script, which the site's CSP would refuse.
 */
import { onMounted, watch } from 'vue';
import { useData } from 'vitepress';
import type { NotepressThemeConfig } from '../../site/facts';

export function useThemeColor(): void {
  const { isDark, theme } = useData<NotepressThemeConfig>();
  onMounted(() => {
    watch(isDark, (dark) => {
      const colors = theme.value.themeColor;
      if (!colors) return;
      for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) meta.content = dark ? colors.dark : colors.light;
    }, { immediate: true });
  });
}
