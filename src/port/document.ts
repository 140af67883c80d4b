// A text document to be written, as plain data (the 情况说明 draft): the generator produces it, an adapter
// writes it (.docx), a sheet layout can hold it.

/** `title`: the document title; `h1`: 一、…; `h2`: （一）…; `body`: a paragraph of text. */
export type ParagraphLevel = 'title' | 'h1' | 'h2' | 'body';

export interface DocumentParagraph {
  level: ParagraphLevel;
  text: string;
}
