/**
 * An entry's header, as the site's page and the editor's preview both show it: kind
 * and group, title, summary as a lead, date, reading time, revision, status labels,
 * tags, stack, repository and series. One source for its facts and its markup, so the
 * preview cannot show fewer facts than the page, or show them differently.
 */
import { Entry, absoluteUrl } from './entry';
import { formatDate } from './dates';
import { fieldText } from './groups';
import { KindSpec } from './kinds';
import { formatReadingTime } from './reading';
import { kindUrl, seriesUrl, tagUrl } from './urls';

export interface HeaderFacts {
  readonly kindLabel: string;
  readonly kindUrl: string;
  /** The value the kind groups by (a case study's category), shown after the kind. */
  readonly group?: string;
  readonly title: string;
  readonly summary?: string;
  readonly date?: string;
  readonly dateLabel?: string;
  readonly readingTime: string;
  readonly updated?: string;
  /** Values of `enum` fields (a lab note's `status`), shown as labels. */
  readonly labels: readonly { readonly field: string; readonly value: string }[];
  readonly tags: readonly { readonly name: string; readonly url: string }[];
  readonly stack: readonly string[];
  readonly repository?: string;
  readonly series: readonly { readonly name: string; readonly url: string }[];
}

export function headerFacts(e: Entry, kind: KindSpec): HeaderFacts {
  const group = typeof kind.group === 'object' ? fieldText(e, kind.group.field) : undefined;
  const labels = kind.fields.filter((f) => f.type === 'enum').flatMap((f) => {
    const v = fieldText(e, f.name);
    return v ? [{ field: f.name, value: v }] : [];
  });
  const stack = Array.isArray(e.data.stack) ? e.data.stack.filter((s) => s !== null && typeof s !== 'object').map(String) : [];
  return {
    kindLabel: kind.plural,
    kindUrl: kindUrl(kind),
    ...(group ? { group } : {}),
    title: e.title,
    ...(e.summary ? { summary: e.summary } : {}),
    ...(e.date ? { date: e.date, dateLabel: formatDate(e.date) } : {}),
    readingTime: formatReadingTime(e.reading.minutes),
    ...(e.updated && e.updated !== e.date ? { updated: formatDate(e.updated) } : {}),
    labels,
    tags: e.tags.map((t) => ({ name: t, url: tagUrl(t) })),
    stack,
    ...(typeof e.data.repository === 'string' && e.data.repository.trim() ? { repository: absoluteUrl(e.data.repository.trim()) } : {}),
    series: e.series.map((s) => ({ name: s, url: seriesUrl(s) })),
  };
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The header's markup: every value escaped here, so it needs no sanitizer of its own. */
export function renderHeader(f: HeaderFacts): string {
  const x = escapeHtml;
  const kind = `<p class="entry-header__kind"><a href="${x(f.kindUrl)}">${x(f.kindLabel)}</a>${f.group ? ` / ${x(f.group)}` : ''}</p>`;
  const meta = [
    f.date ? `<time datetime="${x(f.date)}">${x(f.dateLabel ?? f.date)}</time>` : '',
    `<span>${x(f.readingTime)}</span>`,
    f.updated ? `<span>updated ${x(f.updated)}</span>` : '',
  ].filter(Boolean).join(' / ');
  const labels = f.labels.map((l) => `<span class="entry-header__label" data-field="${x(l.field)}">${x(l.value)}</span>`).join('');
  const tags = f.tags.length
    ? `<ul class="entry-header__tags" aria-label="Tags">${f.tags.map((t) => `<li><a href="${x(t.url)}">#${x(t.name)}</a></li>`).join('')}</ul>` : '';
  const stack = f.stack.length || f.repository
    ? `<p class="entry-header__stack">${f.stack.length ? `Stack: ${x(f.stack.join(', '))}` : ''}${f.stack.length && f.repository ? ' · ' : ''}${f.repository ? `<a href="${x(f.repository)}" rel="noopener">Source</a>` : ''}</p>` : '';
  const series = f.series.length
    ? `<p class="entry-header__series">Part of ${f.series.map((s) => `<a href="${x(s.url)}">${x(s.name)}</a>`).join(', ')}</p>` : '';
  return `${kind}<h1 class="entry-header__title">${x(f.title)}</h1>${f.summary ? `<p class="entry-header__lead">${x(f.summary)}</p>` : ''}`
    + `<p class="entry-header__meta">${meta}${labels ? ` ${labels}` : ''}</p>${tags}${stack}${series}`;
}
