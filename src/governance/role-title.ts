import type { GrammaticalForm } from '../db/types.ts';

export const GRAMMATICAL_FORMS = ['feminine', 'masculine', 'neutral'] as const satisfies readonly GrammaticalForm[];

/**
 * A role's title in the holder's grammatical form: "Secrétaire générale" for a woman, "Secretario
 * General" for a man. The mandate's own form (a member's representative) wins over the person's;
 * with neither, or neutral, the catalog's default title (an epicene form where the language has one).
 */
export function roleTitle(t: (key: string) => string, role: string, ...forms: (GrammaticalForm | null | undefined)[]): string {
  const form = forms.find((value) => value);
  if (form === 'feminine' || form === 'masculine') return t(`governance.role_${form}.${role}`);
  return t(`governance.role.${role}`);
}
