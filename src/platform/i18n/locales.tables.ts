/** Row type of the uploaded citizen-page languages (see migrations/20261211040000_locales.ts). */
export interface LocalesTable {
  code: string;
  name: string;
  note: string | null;
  messages: string;
  uploaded_by: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../db/tables.ts' {
  interface Database { locales: LocalesTable }
}
