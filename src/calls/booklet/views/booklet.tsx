import type { PageContext } from '../../../web/page-context.ts';
import { entryAnchor, type Booklet, type BookletEntry, type IndexLine, type Shown } from '../model.ts';
import type { PdfStatus } from '../domain.ts';

/** A booklet text, marked with its language when it is the source text rather than the reader's. */
function Text({ booklet, text }: { booklet: Booklet; text: Shown }) {
  return (
    <>
      <span lang={text.lang === booklet.lang ? undefined : text.lang}>{text.text}</span>
      {text.mark && <span class="booklet-mark"> {text.mark}</span>}
    </>
  );
}

function Paragraphs({ booklet, text }: { booklet: Booklet; text: Shown }) {
  return (
    <>
      {text.mark && <p class="booklet-mark">{text.mark}</p>}
      {text.text.split(/\n\s*\n/).filter((part) => part.trim()).map((part) => (
        <p lang={text.lang === booklet.lang ? undefined : text.lang}>{part.trim()}</p>
      ))}
    </>
  );
}

export function PdfBox({ ctx, pdfUrl, status }: { ctx: PageContext; pdfUrl: string; status: PdfStatus }) {
  const { t } = ctx;
  return (
    <p class="booklet-pdf" role="status">
      {status.state === 'ready'
        ? <a href={pdfUrl} type="application/pdf">{t('booklet.pdf_ready', { pages: status.pageCount, size: Math.ceil(status.byteSize / 1024) })}</a>
        : status.state === 'failed' ? t('booklet.pdf_failed') : t('booklet.pdf_preparing', { progress: status.progress })}
    </p>
  );
}

function Entry({ booklet, entry }: { booklet: Booklet; entry: BookletEntry }) {
  const lang = booklet.lang;
  return (
    <article class="booklet-entry" id={entryAnchor(entry.code)} aria-labelledby={`${entryAnchor(entry.code)}-title`}>
      <h5 id={`${entryAnchor(entry.code)}-title`}>
        {entry.code} <Text booklet={booklet} text={entry.title} />
      </h5>
      {(entry.organisation || entry.place) && (
        <p class="booklet-place">
          {entry.organisation && <><Text booklet={booklet} text={entry.organisation} />. </>}
          {entry.place}
        </p>
      )}
      {entry.runBy && <p class="booklet-run-by">{entry.runBy}</p>}
      {entry.summary && <Paragraphs booklet={booklet} text={entry.summary} />}
      {entry.presenters.length > 0 && (
        <ul class="booklet-presenters" aria-label={booklet.labels.presenters}>
          {entry.presenters.map((person) => (
            <li>
              {[person.name, person.role].filter(Boolean).join('. ')}
              {person.url && <> <a href={person.url}>{person.url}</a></>}
            </li>
          ))}
        </ul>
      )}
      {entry.links.length > 0 && (
        <p class="booklet-links">
          {entry.links.map((link, i) => <>{i > 0 && ' · '}<a href={link}>{link}</a></>)}
        </p>
      )}
      <p class="meta"><a href={`/${lang}/initiatives/${entry.slug}`}>{entry.code} — {entry.title.text}</a></p>
    </article>
  );
}

function Index({ title, id, lines }: { title: string; id: string; lines: IndexLine[] }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="booklet-index">
        {lines.map((line) => (
          <li>
            {line.name}: {line.codes.map((code, i) => <>{i > 0 && ', '}<a href={`#${entryAnchor(code)}`}>{code}</a></>)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The booklet as a web page: the same parts as the PDF, with links where the PDF has page numbers. */
export function BookletPage({ ctx, booklet, pdfUrl, status }: { ctx: PageContext; booklet: Booklet; pdfUrl: string; status: PdfStatus }) {
  const { t } = ctx;
  return (
    <div class="booklet">
      <h1>{t('booklet.title', { event: booklet.title })}</h1>
      <p>{booklet.labels.subtitle}{booklet.dates ? ` — ${booklet.dates}` : ''}</p>
      <p>{t('booklet.intro')}</p>
      <PdfBox ctx={ctx} pdfUrl={pdfUrl} status={status} />
      {booklet.frontMatter && (
        <section aria-labelledby="booklet-front">
          <h2 id="booklet-front">{booklet.labels.frontMatter}</h2>
          <Paragraphs booklet={booklet} text={booklet.frontMatter} />
        </section>
      )}
      <nav aria-labelledby="booklet-contents">
        <h2 id="booklet-contents">{booklet.labels.contents}</h2>
        <ul>
          {booklet.days.flatMap((day) => day.sessions).map((session) => (
            <li>
              {session.heading}
              <ul>
                {session.workshops.map((workshop) => (
                  <li><a href={`#${entryAnchor(workshop.code || 'other')}`}>{workshop.code} {workshop.title?.text ?? ''}</a></li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {booklet.days.map((day, d) => (
        <section aria-labelledby={`booklet-day-${d}`}>
          <h2 id={`booklet-day-${d}`}>{day.heading}</h2>
          {day.sessions.map((session, s) => (
            <section aria-labelledby={`booklet-session-${d}-${s}`}>
              <h3 id={`booklet-session-${d}-${s}`}>{session.heading}</h3>
              {session.workshops.map((workshop) => (
                <section aria-labelledby={`${entryAnchor(workshop.code || 'other')}-h`} id={entryAnchor(workshop.code || 'other')}>
                  <h4 id={`${entryAnchor(workshop.code || 'other')}-h`}>{workshop.code} {workshop.title && <Text booklet={booklet} text={workshop.title} />}</h4>
                  {workshop.details && <p class="booklet-workshop-details">{workshop.details}</p>}
                  {workshop.entries.map((entry) => <Entry booklet={booklet} entry={entry} />)}
                </section>
              ))}
            </section>
          ))}
        </section>
      ))}
      {booklet.thematic.length > 0 && (
        <section aria-labelledby="booklet-thematic">
          <h2 id="booklet-thematic">{booklet.labels.thematic}</h2>
          <ul>
            {booklet.thematic.map((entry) => (
              <li><a href={`#${entryAnchor(entry.code)}`}>{entry.code} {entry.title.text}</a>{entry.organisation ? ` — ${entry.organisation.text}` : ''}</li>
            ))}
          </ul>
        </section>
      )}
      <Index title={booklet.labels.countries} id="booklet-countries" lines={booklet.countries} />
      <Index title={booklet.labels.organisations} id="booklet-organisations" lines={booklet.organisations} />
      {booklet.partners.length > 0 && (
        <section aria-labelledby="booklet-partners">
          <h2 id="booklet-partners">{booklet.labels.partners}</h2>
          <ul>{booklet.partners.map((name) => <li>{name}</li>)}</ul>
        </section>
      )}
    </div>
  );
}

/** What the PDF address answers while the PDF is being made. */
export function PreparingPage({ ctx, pageUrl, status }: { ctx: PageContext; pageUrl: string; status: PdfStatus }) {
  return (
    <div class="booklet">
      <h1>{ctx.t('booklet.preparing_title')}</h1>
      <PdfBox ctx={ctx} pdfUrl="" status={status} />
      <p><a href={pageUrl}>{ctx.t('booklet.back')}</a></p>
    </div>
  );
}

