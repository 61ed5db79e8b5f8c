import { parseYaml, type YNode } from '../../src/yaml/index.js';

const root = (text: string, doc = 0): YNode => parseYaml(text).documents[doc]!.root!;

const MERGED = `base: &base
  image: nginx
  env: [a]
other: &other {port: 80}
c:
  <<: [*base, *other]
  name: web
  image: redis
ali: *base
`;

describe('YNode', () => {
  it('get: local keys first, then merge keys in order (viaAlias marks merged nodes)', () => {
    const c = root(MERGED).get('c')!;
    expect(c.kind).toBe('map');
    expect(c.get('name')!.value).toBe('web');
    expect(c.get('name')!.viaAlias).toBe(false);
    expect(c.get('image')!.value).toBe('redis');
    expect(c.get('image')!.viaAlias).toBe(false);
    const env = c.get('env')!;
    expect([env.value, env.viaAlias, env.kind]).toEqual([['a'], true, 'seq']);
    expect([c.get('port')!.value, c.get('port')!.viaAlias]).toEqual([80, true]);
    expect(c.get('nope')).toBeUndefined();
    expect(c.get('<<')).toBeUndefined();
  });

  it('has / hasLocal / keys / entries', () => {
    const c = root(MERGED).get('c')!;
    expect(c.has('env')).toBe(true);
    expect(c.hasLocal('env')).toBe(false);
    expect(c.hasLocal('name')).toBe(true);
    expect(c.keys()).toEqual(['name', 'image', 'env', 'port']);
    expect(c.entries().map(([k, n]) => [k, n.viaAlias])).toEqual([
      ['name', false],
      ['image', false],
      ['env', true],
      ['port', true],
    ]);
  });

  it('a value that is an alias resolves to the anchored node, marked viaAlias', () => {
    const ali = root(MERGED).get('ali')!;
    expect(ali.viaAlias).toBe(true);
    expect(ali.kind).toBe('map');
    expect(ali.get('image')!.viaAlias).toBe(true);
    expect(ali.value).toEqual({ image: 'nginx', env: ['a'] });
  });

  it('at: follows keys and indexes; paths are recorded', () => {
    const r = root('spec:\n  containers:\n  - name: a\n  - name: b\n    image: x\n');
    const img = r.at(['spec', 'containers', 1, 'image'])!;
    expect(img.value).toBe('x');
    expect(img.path).toEqual(['spec', 'containers', 1, 'image']);
    expect(img.key).toBe('image');
    expect(r.at(['spec', 'containers', 2])).toBeUndefined();
    expect(r.at(['spec', 'nope', 0])).toBeUndefined();
    expect(r.at([])).toBe(r);
    expect(
      r
        .at(['spec', 'containers'])!
        .items()
        .map((n) => n.path),
    ).toEqual([
      ['spec', 'containers', 0],
      ['spec', 'containers', 1],
    ]);
  });

  it('items resolve aliased items (viaAlias) and are empty for non-sequences', () => {
    const r = root('a: &a {x: 1}\nl: [*a, {x: 2}]\n');
    expect(
      r
        .get('l')!
        .items()
        .map((n) => [n.value, n.viaAlias]),
    ).toEqual([
      [{ x: 1 }, true],
      [{ x: 2 }, false],
    ]);
    expect(r.get('a')!.items()).toEqual([]);
  });

  it('range and keyRange: 1-based lines and columns, 0-based offsets', () => {
    const text = 'a: 1\nspec:\n  image: "nginx" # c\n  list:\n  - x\n';
    const r = root(text);
    const img = r.at(['spec', 'image'])!;
    expect(img.keyRange).toEqual({ start: { line: 3, column: 3, offset: 13 }, end: { line: 3, column: 8, offset: 18 } });
    expect(img.range).toEqual({ start: { line: 3, column: 10, offset: 20 }, end: { line: 3, column: 17, offset: 27 } });
    expect(text.slice(...img.offsets)).toBe('"nginx"');
    expect(img.scalarType).toBe('QUOTE_DOUBLE');
    const x = r.at(['spec', 'list', 0])!;
    expect(x.range.start).toEqual({ line: 5, column: 5, offset: 44 });
    // a node without a key reports its value range as keyRange
    expect(x.keyRange).toEqual(x.range);
  });

  it('ranges on CRLF lines and after a BOM', () => {
    const r = root('\uFEFFa: 1\r\nb:\r\n  c: 2\r\n');
    expect(r.get('a')!.keyRange.start).toEqual({ line: 1, column: 1, offset: 1 });
    expect(r.at(['b', 'c'])!.keyRange.start).toEqual({ line: 3, column: 3, offset: 13 });
  });

  it('flow, kind, null and scalar types', () => {
    const r = root("a: {x: 1}\nb: [1]\nc:\nd: ~\ne: 'q'\nf: |\n  t\n");
    expect([r.get('a')!.flow, r.get('b')!.flow, r.flow]).toEqual([true, true, false]);
    // `c:` with nothing after it is a null scalar, like `~`
    expect([r.get('c')!.isNull, r.get('c')!.value]).toEqual([true, null]);
    expect(r.hasLocal('c')).toBe(true);
    expect([r.get('d')!.isNull, r.get('d')!.kind]).toEqual([true, 'scalar']);
    expect(r.get('e')!.scalarType).toBe('QUOTE_SINGLE');
    expect(r.get('f')!.scalarType).toBe('BLOCK_LITERAL');
    expect(r.get('a')!.scalarType).toBeUndefined();
  });

  it('numeric and quoted keys are looked up by their string form', () => {
    const r = root('"quoted": 1\n\'single\': 2\n80: http\n');
    expect(r.get('quoted')!.value).toBe(1);
    expect(r.get('single')!.value).toBe(2);
    expect(r.get('80')!.value).toBe('http');
  });

  it('self-referencing merge keys do not loop', () => {
    const r = root('a: &a\n  x: 1\n  <<: {y: 2}\nb:\n  <<: [*a, *a]\n');
    expect(r.get('b')!.get('x')!.value).toBe(1);
    expect(r.get('b')!.get('nope')).toBeUndefined();
  });
});
