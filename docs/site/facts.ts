/**
 * What each page of the site shows, computed at build time from the notebook and
 * attached to that page alone (`pageData.np`). Types only: the theme's components
 * import them with `import type`, and `vue-tsc` checks the components against them.
 */

/** What a list shows of an entry. */
export interface Item {
  readonly title: string;
  readonly url: string;
  readonly summary: string;
  /** The kind's id. */
  readonly kind: string;
  readonly date?: string;
  /** For kinds whose lists show dates: `Jun 1, 2026` and `8 min read`. */
  readonly dateLabel?: string;
  readonly readingTime?: string;
  /** For kinds whose lists show a field: its value (a category, a role). */
  readonly meta?: string;
  /** An `enum` field's value (a status), shown as a label. */
  readonly label?: string;
  /** An external address (an open-source entry's `url`). */
  readonly external?: string;
}

export interface Link { readonly title: string; readonly url: string }

export interface HomeSectionFacts {
  readonly kind: string;
  readonly heading: string;
  readonly url: string;
  readonly style: 'cards' | 'list';
  readonly items: readonly Item[];
  /** How many the kind holds; `items` has at most the section's limit. */
  readonly total: number;
  /** Whether the profile's links close this section. */
  readonly links: boolean;
}

export interface ProfileFacts {
  readonly name?: string;
  readonly role: string;
  readonly tagline: string;
  readonly focus: readonly (readonly [string, string])[];
  readonly links: readonly { readonly label: string; readonly url: string; readonly description?: string }[];
}

export type PageFacts =
  | { readonly view: 'home'; readonly profile: ProfileFacts; readonly sections: readonly HomeSectionFacts[] }
  | { readonly view: 'section'; readonly kind: string; readonly heading: string; readonly groups: readonly { readonly key: string; readonly items: readonly Item[] }[] }
  | { readonly view: 'tags'; readonly tags: readonly { readonly name: string; readonly url: string; readonly count: number }[] }
  | { readonly view: 'tag'; readonly name: string; readonly items: readonly Item[]; readonly allUrl: string }
  | { readonly view: 'series'; readonly name: string; readonly items: readonly Item[]; readonly allUrl: string; readonly all: readonly { readonly name: string; readonly url: string; readonly count: number }[] }
  | { readonly view: 'page'; readonly title: string; readonly summary: string }
  | {
      readonly view: 'entry';
      readonly kind: string;
      /** The header's HTML, made by the core (`renderHeader`) exactly as the preview shows it. */
      readonly header: string;
      /** Other parts of each series this entry belongs to, in order. */
      readonly series: readonly { readonly name: string; readonly url: string; readonly items: readonly (Link & { readonly current: boolean })[] }[];
      readonly prev?: Link;
      readonly next?: Link;
      /** `Newer`/`Older` for dated kinds, `Previous`/`Next` otherwise. */
      readonly pager: readonly [string, string];
    };

/** The navigation every page's header shows (small: it travels in the site's theme config). */
export interface NavItem { readonly text: string; readonly link: string }

export interface NotepressThemeConfig {
  readonly nav: readonly NavItem[];
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly feeds: boolean;
  /** The `theme-color` of each scheme: the page's background, for the browser's own bar. */
  readonly themeColor: { readonly light: string; readonly dark: string };
  /** VitePress's local search: its index is built from the pages and loaded on first use. */
  readonly search: { readonly provider: 'local'; readonly options: { readonly _render: unknown } };
}
