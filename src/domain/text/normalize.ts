/**
 * Folds Vietnamese text for search: NFC, lower case, strip combining marks, đ→d, collapse spaces.
 * One normaliser serves SQLite and PostgreSQL: the folded text is stored in a search column.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits a user's query into folded words (empty words dropped). */
export function searchWords(query: string): string[] {
  const folded = foldVietnamese(query);
  return folded ? folded.split(' ') : [];
}
