/** True when `data` is a document's data as the fast reader built it: a tree, nothing shared. */
export declare function isTreeData(data: unknown): boolean;
/**
 * The self-check's sample: what the reader reads, in every form it reads (see the module
 * comment); it must read all of it (giving up on it fails the check too).
 */
export declare const SELF_CHECK_SAMPLE = "# a comment before the first document\nkind: Sample\nplain: a plain value   # a comment after it\n\"double-quoted key\": 'single ''quoted'''\n'single-quoted key': \"double \\\"quoted\\\"\\t\\n\"\ninteger: 42\nfloat: -1.5\noctal: 0755\nhex: 0x1F\nbool: yes\ntilde: ~\nempty:\nmap: {}\nlist: []\nscript: |\n  echo one\n\n  echo two\nstripped: |-\n  x\ncontainers:\n- name: a\n  args:\n    - --port=80\n    - \"8080\"\n# a comment between items, at their column\n- name: b\n--- # a comment after the marker\n- top\n- key: value\n  last:\n";
/** The self-check's verdict: `ok`, or why the reader is off (the first differences found). */
export type FastReaderCheck = {
    ok: true;
} | {
    ok: false;
    reason: string;
};
