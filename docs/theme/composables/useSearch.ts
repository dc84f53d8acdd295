/**
 * The search box's state: the index, fetched and loaded the first time search opens
 * (never before), the query's results, and the words of the pages they show, fetched
 * as results appear and kept for the visit.
 */
import { computed, ref, shallowReactive, shallowRef, watch } from 'vue';
import { withBase } from 'vitepress';
import type MiniSearch from 'minisearch';
import { indexOptions, SEARCH_INDEX_FILE, type PageWords, type SearchDoc } from '../support/searchIndex';
import { search, type PageHit } from '../support/searchResults';

export type SearchState = 'idle' | 'loading' | 'ready' | 'failed';

export function useSearch() {
  const query = ref('');
  const state = ref<SearchState>('idle');
  const results = shallowRef<PageHit[]>([]);
  /** Each shown page's words, by their file's address. */
  const words = shallowReactive(new Map<string, PageWords>());
  const asked = new Set<string>();
  let index: MiniSearch<SearchDoc> | undefined;
  let loading: Promise<void> | undefined;

  /** Fetches and loads the index once; a failed load may be tried again by opening search again. */
  function load(): Promise<void> {
    loading ??= (async () => {
      state.value = 'loading';
      const [{ default: MiniSearchClass }, res] = await Promise.all([import('minisearch'), fetch(withBase(`/${SEARCH_INDEX_FILE}`))]);
      if (!res.ok) throw new Error(`${res.status}`);
      index = MiniSearchClass.loadJSON(await res.text(), indexOptions());
      state.value = 'ready';
      run();
    })().catch(() => {
      state.value = 'failed';
      loading = undefined;
    });
    return loading;
  }

  function run() {
    const q = query.value.trim();
    results.value = q && index ? search(index, q) : [];
    for (const hit of results.value) fetchWords(hit.words);
  }

  function fetchWords(url: string) {
    if (!url || asked.has(url)) return;
    asked.add(url);
    fetch(withBase(url))
      .then((r) => (r.ok ? (r.json() as Promise<PageWords>) : undefined))
      .then((w) => { if (w) words.set(url, w); })
      .catch(() => asked.delete(url));
  }

  /** Every word of the index the results matched: the ones to mark wherever they are shown. */
  const terms = computed(() => new Set(results.value.flatMap((p) => [...p.terms, ...p.sections.flatMap((s) => s.terms)])));

  watch(query, run);
  return { query, state, results, words, terms, load };
}
