/**
 * Templates for new entries. Each kind has a built-in default; a notebook may keep
 * its own, editable copy at `<content>/.notepress/templates/<folder>.md`.
 *
 * Placeholders: `{{title}}`, `{{date}}`, `{{category}}`, `{{project}}` and `{{cursor}}` (where the
 * cursor goes; removed). In the frontmatter, values are written as YAML scalars,
 * quoted when needed, so a title like `a: b` or `#1` cannot break the file.
 */
import { stringify } from 'yaml';
import { KindId, kindSpec } from './kinds';
import { splitFile } from './frontmatter';

export const TEMPLATE_DIR = '.notepress/templates';

export function templatePath(kind: KindId): string {
  return `${TEMPLATE_DIR}/${kindSpec(kind).folder}.md`;
}

export const DEFAULT_TEMPLATES: Readonly<Record<KindId, string>> = {
  note: `---
title: {{title}}
date: {{date}}
summary:
tags: []
---

{{cursor}}
`,
  'case-study': `---
title: {{title}}
category: {{category}}
summary:
stack: []
repository:
date: {{date}}
---

## Problem

{{cursor}}

## Design

## Results
`,
  research: `---
title: {{title}}
summary:
date: {{date}}
---

{{cursor}}
`,
  'open-source': `---
project: {{title}}
role:
summary:
url:
---

{{cursor}}
`,
};

export interface TemplateVars {
  readonly title: string;
  readonly date: string;
  readonly category?: string;
}

function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/**
 * Fills a template. Returns the text and the offset where the cursor goes (the
 * `{{cursor}}` mark, else the start of the body).
 */
export function fillTemplate(template: string, vars: TemplateVars): { text: string; cursor: number } {
  const split = splitFile('', template);
  const fmEnd = split.frontmatter ? split.bodyOffset : 0;
  const values: Record<string, string> = { title: vars.title, project: vars.title, date: vars.date, category: vars.category ?? '' };
  const fill = (part: string, yaml: boolean) =>
    part.replace(/\{\{\s*(title|project|date|category)\s*\}\}/g, (_, k: string) => (yaml ? yamlScalar(values[k]) : values[k]));
  const head = fill(template.slice(0, fmEnd), true);
  const body = fill(template.slice(fmEnd), false);
  const mark = body.indexOf('{{cursor}}');
  if (mark < 0) {
    const lead = /^\s*/.exec(body)?.[0].length ?? 0;
    return { text: head + body, cursor: head.length + lead };
  }
  return { text: head + body.slice(0, mark) + body.slice(mark + '{{cursor}}'.length), cursor: head.length + mark };
}
