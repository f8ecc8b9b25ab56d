import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n/i18n.ts';
import type { ContentSection, IssueContent, LocalText } from './content.ts';

/**
 * The newsletter as a message: one accessible HTML document (lang attribute, real text, alt text,
 * headings and landmarks, no layout tables) and its plain-text twin. Rendered once per language;
 * each subscriber's own links replace the two placeholders, so rendering 10,000 messages costs a
 * string replacement each.
 */
export const PREFERENCES_PLACEHOLDER = '__NEWSLETTER_PREFERENCES_URL__';
export const UNSUBSCRIBE_PLACEHOLDER = '__NEWSLETTER_UNSUBSCRIBE_URL__';

export interface RenderedIssue {
  subject: string;
  html: string;
  text: string;
}

export interface PersonalLinks {
  preferences: string;
  unsubscribe: string;
}

// Inline <style> (kept short): clients that drop it still get a readable single column of text.
const STYLE = `body{margin:0;background:#f4f4f1;color:#1d1d1b;font:16px/1.5 Arial,Helvetica,sans-serif}
.wrap{max-width:600px;margin:0 auto;background:#fff;padding:24px}
a{color:#0b5a8a}h1{font-size:24px;line-height:1.25}h2{font-size:20px;border-top:2px solid #0b5a8a;padding-top:12px;margin-top:28px}
h3{font-size:17px;margin:0 0 4px}ul.items{list-style:none;padding:0;margin:0}ul.items li{margin:0 0 16px}
.meta,.small{color:#4a4a48;font-size:14px}img{max-width:100%;height:auto;border:0}`;

const Text = ({ value, lang, as: Tag = 'p', className }: { value: LocalText; lang: string; as?: 'p' | 'span'; className?: string }) => (
  <Tag lang={value.lang === lang ? undefined : value.lang} class={className}>
    {value.text}
  </Tag>
);

function SectionBlock({ section, lang, index }: { section: ContentSection; lang: string; index: number }) {
  const id = `section-${index}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} lang={section.title.lang === lang ? undefined : section.title.lang}>
        {section.title.text}
      </h2>
      {section.paragraphs.map((p) => <Text value={p} lang={lang} />)}
      {section.items.length > 0 && (
        <ul class="items">
          {section.items.map((item) => (
            <li>
              {item.image && <img src={item.image.src} alt={item.image.alt.text} lang={item.image.alt.lang === lang ? undefined : item.image.alt.lang} width={552} />}
              <h3>
                <a href={item.url} lang={item.title.lang === lang ? undefined : item.title.lang}>
                  {item.title.text}
                </a>
              </h3>
              {item.meta && <p class="meta">{item.meta}</p>}
              {item.summary && <Text value={item.summary} lang={lang} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The body of an issue (heading, intro, sections): shared by the mail and the web version. */
export function IssueBody({ content }: { content: IssueContent }) {
  return (
    <>
      <h1>{content.subject}</h1>
      {content.intro.map((p) => <Text value={p} lang={content.lang} />)}
      {content.sections.map((section, index) => <SectionBlock section={section} lang={content.lang} index={index} />)}
    </>
  );
}

function MailDocument({ content, notice }: { content: IssueContent; notice: string | null }) {
  const t = translator(content.lang);
  return (
    <html lang={content.lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <div class="wrap">
          <header>
            <p class="small">
              {t('newsletter.masthead', { number: content.number, date: t.date(content.issueDate) })} · <a href={content.webUrl}>{t('newsletter.read_online')}</a>
            </p>
            {notice && <p class="small" role="note">{notice}</p>}
          </header>
          <main>
            <IssueBody content={content} />
          </main>
          <footer>
            <p class="small">{t('newsletter.why_received')}</p>
            <p class="small">
              <a href={PREFERENCES_PLACEHOLDER}>{t('newsletter.preferences_link')}</a> · <a href={UNSUBSCRIBE_PLACEHOLDER}>{t('newsletter.unsubscribe_link')}</a>
            </p>
          </footer>
        </div>
      </body>
    </html>
  );
}

function plainText(content: IssueContent, notice: string | null): string {
  const t = translator(content.lang);
  const lines: string[] = [t('newsletter.masthead', { number: content.number, date: t.date(content.issueDate) }), `${t('newsletter.read_online')}: ${content.webUrl}`, ''];
  if (notice) lines.push(notice, '');
  lines.push(content.subject, '='.repeat(Math.min(content.subject.length, 72)), '');
  for (const p of content.intro) lines.push(p.text, '');
  for (const section of content.sections) {
    lines.push(section.title.text.toUpperCase(), '-'.repeat(Math.min(section.title.text.length, 72)), '');
    for (const p of section.paragraphs) lines.push(p.text, '');
    for (const item of section.items) {
      lines.push(`* ${item.title.text}`);
      if (item.meta) lines.push(`  ${item.meta}`);
      if (item.summary) lines.push(`  ${item.summary.text}`);
      lines.push(`  ${item.url}`, '');
    }
  }
  lines.push('--', t('newsletter.why_received'), `${t('newsletter.preferences_link')}: ${PREFERENCES_PLACEHOLDER}`, `${t('newsletter.unsubscribe_link')}: ${UNSUBSCRIBE_PLACEHOLDER}`, '');
  return lines.join('\n');
}

/** One language's message, with the placeholders still in (see `personalise`). */
export function renderIssue(content: IssueContent, notice: string | null = null): RenderedIssue {
  return {
    // A header: any line break would start a new header, so none survives.
    subject: content.subject.replace(/[\r\n\t\u0000-\u001f\u007f]+/g, ' ').trim(),
    html: `<!doctype html>${renderToString(<MailDocument content={content} notice={notice} />)}`,
    text: plainText(content, notice),
  };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The message for one subscriber: their preference and unsubscribe links in place. */
export function personalise(rendered: RenderedIssue, links: PersonalLinks): RenderedIssue {
  return {
    subject: rendered.subject,
    html: rendered.html.replaceAll(PREFERENCES_PLACEHOLDER, escapeAttribute(links.preferences)).replaceAll(UNSUBSCRIBE_PLACEHOLDER, escapeAttribute(links.unsubscribe)),
    text: rendered.text.replaceAll(PREFERENCES_PLACEHOLDER, links.preferences).replaceAll(UNSUBSCRIBE_PLACEHOLDER, links.unsubscribe),
  };
}
