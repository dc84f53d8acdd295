/**
 * Templates for new entries. Each kind's default is written from its row of the kinds
 * table (its starter fields and body); a notebook may keep its own, editable copy at
 * `<content>/.notepress/templates/<folder>.md`.
 *
 * Placeholders: `{{title}}`, `{{date}}`, `{{<field>}}` for any field the New command
 * asked for (a case study's `category`, a lab note's `status`), and `{{cursor}}` (where
 * the cursor goes; removed). In the frontmatter, values are written as YAML scalars,
 * quoted when needed, so a title like `a: b` or `#1` cannot break the file.
 */
import { stringify } from 'yaml';
import { FieldSpec, KindSpec } from './kinds';
import { splitFile } from './frontmatter';

export const TEMPLATE_DIR = '.notepress/templates';

export function templatePath(kind: Pick<KindSpec, 'folder'>): string {
  return `${TEMPLATE_DIR}/${kind.folder}.md`;
}

/** The fields the New command asks for beyond the title: required ones that are not dates. */
export function askedFields(kind: KindSpec): FieldSpec[] {
  return kind.fields.filter((f) => f.required && f.name !== kind.titleField && f.type !== 'date');
}

/** The kind's built-in template. */
export function defaultTemplate(kind: KindSpec): string {
  const names = kind.starter ?? [kind.titleField, ...kind.fields.filter((f) => f.required).map((f) => f.name), 'summary', 'date', 'tags'];
  const lines: string[] = [];
  for (const name of [...new Set(names)]) {
    const f = kind.fields.find((x) => x.name === name);
    if (!f) continue;
    const asked = askedFields(kind).some((a) => a.name === name);
    const value = name === kind.titleField ? ' {{title}}' : f.type === 'date' && (f.required || name === 'date') ? ' {{date}}'
      : asked ? ` {{${name}}}` : f.type === 'list' ? ' []' : '';
    lines.push(`${name}:${value}`);
  }
  return `---\n${lines.join('\n')}\n---\n\n${kind.body}`;
}

export interface TemplateVars {
  readonly title: string;
  readonly date: string;
  /** Values of asked fields, by field name. */
  readonly fields?: Readonly<Record<string, string>>;
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
  const values: Record<string, string> = { ...vars.fields, title: vars.title, project: vars.title, date: vars.date };
  const fill = (part: string, yaml: boolean) =>
    part.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g, (m, k: string) => {
      if (k === 'cursor') return m;
      const v = values[k] ?? '';
      return yaml ? (v ? yamlScalar(v) : '') : v;
    });
  const head = fill(template.slice(0, fmEnd), true).replace(/: \n/g, ':\n');
  const body = fill(template.slice(fmEnd), false);
  const mark = body.indexOf('{{cursor}}');
  if (mark < 0) {
    const lead = /^\s*/.exec(body)?.[0].length ?? 0;
    return { text: head + body, cursor: head.length + lead };
  }
  return { text: head + body.slice(0, mark) + body.slice(mark + '{{cursor}}'.length), cursor: head.length + mark };
}
