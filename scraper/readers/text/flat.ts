// Reader for flat aggregation pages (FORMATS.md §0 "flat"): `  • ` or `\n-\n` bullets, each one section of some
// API page with every table cell run together on one line.

import type { DocPage, Reader } from '../../model.ts';
import { collectEvidence } from './evidence.ts';
import { readFlatChunk } from './flatSections.ts';
import { groupUnits, type Unit } from './group.ts';
import { captionSubTables } from './subtables.ts';
import { finishSection, type Report } from './tables.ts';
import { DASH_BULLET_LINE, DOT_BULLET, headingKind, isChromeLine, withoutMetaLines } from './words.ts';
import { DETECTION } from './weights.ts';

const FORM = 'flat';

/** The bullets of a page: `  • text` lines, or `-` lines each followed by the bullet's text; else plain lines. */
function splitBullets(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const dotted = lines.filter((l) => DOT_BULLET.test(l));
  if (dotted.length) {
    const bullets: string[] = [];
    for (const line of lines) {
      if (DOT_BULLET.test(line)) bullets.push(line.replace(DOT_BULLET, ''));
      else if (bullets.length && line.trim() && !isChromeLine(line)) bullets[bullets.length - 1] += ` ${line.trim()}`;
    }
    return bullets;
  }
  if (lines.some((l) => DASH_BULLET_LINE.test(l.trim()))) {
    const bullets: string[] = [];
    let open = false;
    for (const line of lines) {
      if (DASH_BULLET_LINE.test(line.trim())) {
        bullets.push('');
        open = true;
      } else if (open && line.trim() && !isChromeLine(line)) {
        bullets[bullets.length - 1] = `${bullets[bullets.length - 1]} ${line.trim()}`.trim();
      }
    }
    return bullets.filter(Boolean);
  }
  return lines.map((l) => l.trim()).filter((l) => l && !isChromeLine(l));
}

/** Whether text looks like a flat page: long lines that hold a heading, a table mark and header words together. */
function detectFlat(page: string): number {
  const text = withoutMetaLines(page);
  if (/^\s*(?:#{1,6} |<table|<html)/m.test(text) || / \|\s*$/m.test(text)) return DETECTION.otherForm;
  const lines = text.split(/\r?\n/);
  const bullets = lines.filter((l) => DOT_BULLET.test(l) || DASH_BULLET_LINE.test(l.trim())).length;
  const flatTables = (text.match(/表\d+ \S+ (?:参数|名称|参数名) (?:是否必选 )?(?:参数类型|类型)/g) ?? []).length;
  const flatStatus = (text.match(/状态码: ?\d{3} (?:表\d+|[A-Z][a-z]+)/g) ?? []).length;
  const flatErrors = (text.match(/状态码 错误码 (?:错误信息|错误码信息|错误描述)/g) ?? []).length;
  // Bullets that open with a section heading word and go on on the same line: `  • 响应示例 状态码: 200 OK {`.
  const headedBullets = lines.filter((l) => {
    const m = l.match(/^\s*•\s+(\S+)\s+\S/);
    return m && headingKind(m[1]!);
  }).length;
  if (bullets && (flatTables || flatStatus || flatErrors || headedBullets)) return DETECTION.flat.bulletsWithTables;
  if (flatTables || flatStatus || flatErrors) return DETECTION.flat.tablesWithoutBullets;
  return bullets ? DETECTION.flat.bulletsOnly : DETECTION.flat.nothing;
}

function readFlat(text: string, file: string, report: Report): DocPage[] {
  const evidence = collectEvidence(text);
  const bullets = splitBullets(text);
  const units: Unit[] = bullets.map((bullet, index) => {
    const where = `bullet ${index + 1}`;
    const raw = readFlatChunk(bullet, {
      warn: (reason, section) =>
        report({ section: section || where, reason: `${where}: ${reason}`, severity: 'warning' }),
    });
    const sections = raw.map((s) =>
      finishSection(s, { mode: 'words', spanning: true }, evidence, (e) =>
        report({ ...e, section: `${where} ${e.section ?? ''}`.trim() }),
      ),
    );
    return { bullet: index + 1, sections };
  });
  if (!units.length) report({ reason: 'no bullets or text lines found: nothing read', severity: 'error' });
  const pages = groupUnits(units, file, FORM, (bullet, reason) =>
    report({ section: `bullet ${bullet}`, reason, severity: 'info' }),
  );
  // Partner pages write tables without `表N` (flat/023.txt): their sub-tables are tied the way pipe pages' are.
  for (const page of pages) captionSubTables(page.sections, report);
  return pages;
}

export const flatReader: Reader = {
  form: FORM,
  detect: detectFlat,
  read: readFlat,
};
