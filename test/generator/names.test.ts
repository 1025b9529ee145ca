// Identifier sanitising and text escaping: the two modules every document-derived name and text goes through.
import { describe, expect, it } from 'vitest';
import {
  assignNames,
  isSafeIdentifier,
  NameScope,
  splitWords,
  toCamelCase,
  toConstantName,
  toPascalCase,
} from '../../generator/names.ts';
import {
  commentLines,
  jsDoc,
  markdownCode,
  markdownText,
  markdownUrl,
  pointerSegment,
  stringLiteral,
} from '../../generator/escape.ts';

describe('names', () => {
  it('split document names into ASCII words; non-ASCII becomes uXXXX words', () => {
    expect(splitWords('@modelarts:color')).toEqual(['modelarts', 'color']);
    expect(splitWords('throttle_id')).toEqual(['throttle', 'id']);
    expect(splitWords('throttleResp')).toEqual(['throttle', 'Resp']);
    expect(splitWords('名称')).toEqual(['u540D', 'u79F0']);
    expect(splitWords('😀x')).toEqual(['u1F600', 'x']);
  });

  it('PascalCase, camelCase and constant names', () => {
    expect(toPascalCase('@modelarts:color')).toBe('ModelartsColor');
    expect(toPascalCase('throttle-resp')).toBe('ThrottleResp');
    expect(toPascalCase('0-starts')).toBe('_0Starts');
    expect(toPascalCase('')).toBe('Unnamed');
    expect(toPascalCase('***')).toBe('Unnamed');
    expect(toCamelCase('UpdateRequestThrottlingPolicyV2')).toBe('updateRequestThrottlingPolicyV2');
    expect(toCamelCase('APIGroupList')).toBe('apiGroupList');
    expect(toCamelCase('CreateAPIGroup')).toBe('createAPIGroup');
    expect(toCamelCase('delete')).toBe('delete_');
    expect(toCamelCase('Class')).toBe('class_');
    expect(toCamelCase('list-things')).toBe('listThings');
    expect(toConstantName('APIG.2012')).toBe('APIG_2012');
    expect(toConstantName('ModelArts.0101')).toBe('ModelArts_0101');
    expect(toConstantName('*/x')).toBe('x');
    expect(toConstantName('0001')).toBe('_0001');
  });

  it('every produced name is a safe identifier', () => {
    for (const raw of [
      'delete',
      'class',
      '@a:b',
      '名称',
      '0x',
      '',
      '$',
      '`${x}`',
      '*/',
      'constructor',
      'yield',
      'await',
    ]) {
      expect(isSafeIdentifier(toPascalCase(raw)), raw).toBe(true);
      expect(isSafeIdentifier(toCamelCase(raw)), raw).toBe(true);
      expect(isSafeIdentifier(toConstantName(raw)), raw).toBe(true);
    }
  });

  it('dedupes after case folding, in sorted input order, independent of document order', () => {
    const a = assignNames(['throttleResp', 'ThrottleResp', 'throttle-resp'], toPascalCase);
    const b = assignNames(['throttle-resp', 'ThrottleResp', 'throttleResp'], toPascalCase);
    expect([...a]).toEqual([...b]);
    expect(Object.fromEntries(a)).toEqual({
      ThrottleResp: 'ThrottleResp',
      'throttle-resp': 'ThrottleResp_2',
      throttleResp: 'ThrottleResp_3',
    });
  });

  it('reserved and global names are never handed out; derived names are claimed together', () => {
    expect(Object.fromEntries(assignNames(['Promise', 'Record', 'paths'], toPascalCase, ['Paths']))).toEqual({
      Promise: 'Promise_2',
      Record: 'Record_2',
      paths: 'Paths_2',
    });
    const scope = new NameScope();
    expect(scope.claimWithSuffixes('foo', ['', 'WithResponse'])).toBe('foo');
    expect(scope.claimWithSuffixes('fooWithResponse', ['', 'WithResponse'])).toBe('fooWithResponse_2');
    expect(scope.claim('FOO')).toBe('FOO_2');
  });
});

describe('escaping', () => {
  it('string literals survive quotes, backslashes, template syntax and line separators', () => {
    for (const text of ['"\'`${x}`\\', 'a\u2028b\u2029c', '*/ x /*', '\n\r\t']) {
      const literal = stringLiteral(text);
      expect(literal).not.toMatch(/[\u2028\u2029\n\r]/);
      expect(new Function(`return ${literal};`)()).toBe(text);
    }
  });

  it('comment lines cannot close the comment, split on every line terminator, and neutralise leading @', () => {
    expect(commentLines('a */ b\r\nc\u2028d\u2029e\rf')).toEqual(['a *\\/ b', 'c', 'd', 'e', 'f']);
    expect(commentLines('@param x')).toEqual(['\\@param x']);
    const doc = jsDoc(['*/ globalThis.pwned = 1; /*', '', 'line']);
    expect(doc.indexOf('*/')).toBe(doc.length - 2);
    expect(jsDoc(['', ''])).toBe('');
  });

  it('Markdown text and code spans: backslash escapes, never HTML entities', () => {
    expect(markdownText('a|b <script> *x* [l](u) `c`')).toBe('a\\|b \\<script\\> \\*x\\* \\[l\\]\\(u\\) \\`c\\`');
    expect(markdownText('a\nb')).toBe('a b');
    expect(markdownCode('x')).toBe('`x`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`a')).toBe('`` `a ``');
    expect(markdownUrl('javascript:alert(1)')).toBeUndefined();
    expect(markdownUrl('https://support.huaweicloud.com/a (b).html')).toBe(
      'https://support.huaweicloud.com/a%20%28b%29.html',
    );
  });

  it('JSON pointer segments', () => {
    expect(pointerSegment('a/b~c')).toBe('a~1b~0c');
  });
});
