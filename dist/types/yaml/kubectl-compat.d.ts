/** A difference found: the message, and the 0-based offset it is reported at. */
export interface KubectlDifference {
    code: 'document-separator' | 'merge-key-order' | 'alias-key' | 'line-break';
    message: string;
    offset: number;
}
/** The `---#` lines of `text` (0-based offsets of their starts). Linear in the text's length. */
export declare function kubectlOnlySeparators(text: string): KubectlDifference[];
/** The characters of `text` that kubectl reads as a line break and YAML does not (0-based offsets). Linear in the text's length. */
export declare function kubectlOnlyLineBreaks(text: string): KubectlDifference[];
