import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldVietnamese, searchWords } from './normalize.ts';

test('folds marks, đ/Đ and case so "ia mo" finds "Ia Mơ" and "dak doa" finds "Đăk Đoa"', () => {
  assert.equal(foldVietnamese('Xã Ia Mơ'), 'xa ia mo');
  assert.equal(foldVietnamese('Đăk Đoa'), 'dak doa');
  assert.equal(foldVietnamese('Phường Hội Thương'), 'phuong hoi thuong');
  // letters carrying two marks (ệ, ế, ẫ) fold as well
  assert.equal(foldVietnamese('Nghệ Tiến Mẫu'), 'nghe tien mau');
});

test('decomposed (NFD) input folds the same as composed input', () => {
  assert.equal(foldVietnamese('Ia Mơ'.normalize('NFD')), foldVietnamese('Ia Mơ'));
});

test('punctuation and FTS syntax are neutralised into plain words', () => {
  assert.deepEqual(searchWords('  "Ia*  Grai" OR (x) '), ['ia', 'grai', 'or', 'x']);
  assert.deepEqual(searchWords('   '), []);
});
