import type { AppContext } from '../../context.ts';
import { translator } from '../../i18n/i18n.ts';
import { textOf } from '../../i18n/translatable.ts';
import { compilePdf, typstPrelude, typstText } from '../../pdf/index.ts';
import { formatAmount } from './money.ts';
import { documentNumber } from './numbering.ts';
import './tables.ts';

type Ctx = Pick<AppContext, 'db' | 'files'>;

/** What an invoice or a receipt says, read from the rows. */
async function documentData(ctx: Ctx, documentId: number, memberId?: number) {
  let query = ctx.db
    .selectFrom('fee_documents as d')
    .innerJoin('fees', 'fees.id', 'd.fee_id')
    .innerJoin('members', 'members.id', 'fees.member_id')
    .innerJoin('organisations as o', 'o.id', 'members.organisation_id')
    .select(['d.id', 'd.kind', 'd.year', 'd.number', 'd.lang', 'd.file_key', 'd.issued_at', 'fees.year as fee_year', 'fees.amount_minor', 'fees.currency', 'fees.due_on', 'fees.paid_on', 'fees.payment_reference', 'members.id as member_id', 'members.slug', 'o.name', 'o.city', 'o.country'])
    .where('d.id', '=', documentId);
  if (memberId !== undefined) query = query.where('members.id', '=', memberId);
  return query.executeTakeFirst();
}
type DocumentData = NonNullable<Awaited<ReturnType<typeof documentData>>>;

/** The Typst source of an invoice or a receipt, in the language it was issued in. */
export function feeDocumentSource(document: DocumentData): string {
  const t = translator(document.lang);
  const number = documentNumber(document);
  const amount = formatAmount(Number(document.amount_minor), document.currency, document.lang);
  const issued = t.date(document.issued_at, 'long');
  const place = [document.city, document.country].filter(Boolean).join(', ');
  const line = (label: string, value: string) => `  [${typstText(label)}], [${typstText(value)}],\n`;
  const rows = [
    line(t('fees.pdf.number'), number),
    line(t('fees.pdf.issued_on'), issued),
    line(t('fees.pdf.item'), t('fees.pdf.item_text', { year: String(document.fee_year) })),
    line(t('fees.amount'), amount),
    ...(document.kind === 'invoice'
      ? [line(t('fees.due_on'), t.date(document.due_on, 'long'))]
      : [line(t('fees.paid_on'), document.paid_on ? t.date(document.paid_on, 'long') : '—'), line(t('fees.reference'), document.payment_reference ?? '—')]),
  ].join('');
  return `${typstPrelude({ lang: document.lang })}#set page(paper: "a4", margin: 2.2cm)
#set document(title: ${JSON.stringify(`${t(`fees.kind.${document.kind}`)} ${number}`)})
#text(size: 9pt)[${typstText(t('fees.pdf.issuer'))}]

#heading(level: 1)[${typstText(`${t(`fees.kind.${document.kind}`)} ${number}`)}]

#strong[${typstText(textOf(document.name, document.lang))}] \\
${typstText(place)}

#v(1em)
#table(columns: (auto, 1fr), stroke: 0.5pt + gray, inset: 6pt,
${rows})
#v(1em)
${typstText(t(`fees.pdf.${document.kind}_note`, { number }))}
`;
}

/**
 * The PDF of an invoice or a receipt: rendered on first download from the rows (which do not change
 * once issued) and kept in storage. With `memberId`, only that member's documents are found.
 */
export async function documentPdf(ctx: Ctx, documentId: number, memberId?: number): Promise<{ content: Buffer; filename: string } | null> {
  const document = await documentData(ctx, documentId, memberId);
  if (!document) return null;
  const filename = `${documentNumber(document)}.pdf`;
  if (document.file_key) {
    const stored = await ctx.files.get(document.file_key).catch(() => null);
    if (stored) return { content: stored, filename };
  }
  const content = await compilePdf(feeDocumentSource(document), { createdAt: new Date(document.issued_at) });
  const key = await ctx.files.put(content);
  // Two first downloads at once each render; the first key written is kept and the other swept later.
  await ctx.db.updateTable('fee_documents').set({ file_key: key }).where('id', '=', document.id).where('file_key', 'is', null).execute();
  return { content, filename };
}
