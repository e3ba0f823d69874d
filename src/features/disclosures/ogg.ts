/** The Ogg FLAC encoder moved to src/platform/audio/ogg.ts (the listening feature shares it). */
export * from '../../platform/audio/ogg.ts';
