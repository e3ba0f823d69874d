/** A loudspeaker bulletin assembled from several items (see migrations/20261211041000_audio.ts). */
export interface AudioBulletinsTable {
  id: string;
  unit_id: string;
  title: string;
  intro: string;
  /** JSON {type, id, title}[]. */
  items: string;
  file_name: string;
  duration_ms: number;
  size: number;
  created_by: string | null;
  created_at: string;
}
declare module '../../platform/db/tables.ts' {
  interface Database { audio_bulletins: AudioBulletinsTable }
}
