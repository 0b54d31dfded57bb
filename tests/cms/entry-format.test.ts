// The collections' YAML format: entries read with the unit's name for Decap's cards and lists
// (issue 13, item 10), written back as the smallest change without that display key (item 3).
import { describe, expect, test } from 'vitest';
import { entryFormat } from '../../site/cms/entry-format.js';
import { UNIT_NAME_KEY } from '../../site/cms/page-data.js';
import { baseText, BASE_SELF_ASSESSMENT } from '../helpers/fixtures.js';

const TEXT = baseText(BASE_SELF_ASSESSMENT);
const names = (id: string) => (id === 'don-vi-a' ? 'Sở Thử nghiệm A' : undefined);

describe('parindex-yaml format', () => {
  test('reading adds the unit\'s name; writing leaves it out and changes nothing else', () => {
    const format = entryFormat(() => TEXT, names);
    const data = format.fromFile(TEXT);
    expect(data[UNIT_NAME_KEY]).toBe('Sở Thử nghiệm A');
    expect(format.toFile(data)).toBe(TEXT);
  });

  test('a unit the registry does not know shows its id', () => {
    expect(entryFormat(() => '', names).fromFile('unit: khac\n')[UNIT_NAME_KEY]).toBe('khac');
  });

  test('another entry\'s text is never patched: the data is written whole', () => {
    const format = entryFormat(() => TEXT, names);
    expect(format.toFile({ unit: 'don-vi-b', year: 2023, items: [] }, ['unit', 'year', 'framework'])).toBe('unit: "don-vi-b"\nyear: 2023\nitems: []\n');
  });
});
