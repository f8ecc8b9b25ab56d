// The `xliff` package ships no types; these are the two functions used (src/translations/xliff/format.ts).
declare module 'xliff' {
  export function js2xliff(obj: { sourceLanguage: string; targetLanguage: string; resources: Record<string, Record<string, { source: string; target?: string; note?: string }>> }, options?: { indent?: string }): Promise<string>;
  export function xliff2js(text: string, options?: { inlineAsString?: boolean }): Promise<any>;
}
