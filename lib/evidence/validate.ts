/** Checking a value against an evidence schema, with the field's path as a person editing the JSON would write it. */
import * as v from 'valibot';

/** `captures[0].files[1].sha256`: an issue's path. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key);
  }
  return path;
}

/** The first problem of `value` against `schema` ("title: must be at most 200 characters"), or none. */
export function schemaProblems(schema: v.GenericSchema, value: unknown): string[] {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return [];
  const issue = result.issues[0];
  const path = issuePath(issue);
  return [path ? `${path}: ${issue.message}` : issue.message];
}
