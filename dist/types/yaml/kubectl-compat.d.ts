/**
 * Where kubectl reads a manifest file differently from a YAML 1.1/1.2 parser, so that a file the
 * scanner reads as harmless could be applied as something else. Each difference found is a
 * problem at error level (the file's documents are then not analysed as the scanner reads them):
 *
 * - **Document separators.** kubectl splits a file into documents itself before parsing
 *   (k8s.io/apimachinery `pkg/util/yaml` `YAMLReader.Read`): any line that starts with `---` and
 *   has nothing but spaces or a `#` comment after it starts a new document. YAML needs a space
 *   (or the line's end) after `---`, so `---#…` is text for a YAML parser and a separator for
 *   kubectl.
 * - **Merge keys.** kubectl reads YAML with go-yaml v2 (sigs.k8s.io/yaml), which applies a `<<`
 *   merge where it stands (`decode.go`, `decoder.mapping` → `merge`): a merge after an explicit
 *   key overrides it, and a later `<<` overrides an earlier one. The YAML merge-key spec (and the
 *   `yaml` library) lets explicit keys win whatever their place. A `<<` whose keys are also set
 *   above it, or given by an earlier `<<` of the same mapping, is read differently.
 */
import { type Document } from 'yaml';
/** A difference found: the message, and the 0-based offset it is reported at. */
export interface KubectlDifference {
    code: 'document-separator' | 'merge-key-order';
    message: string;
    offset: number;
}
/** The `---#` lines of `text` (0-based offsets of their starts). Linear in the text's length. */
export declare function kubectlOnlySeparators(text: string): KubectlDifference[];
/**
 * The merge keys of a document whose place changes what kubectl reads (see the module comment),
 * each at the offset of its `<<`. The caller walks only documents of a text holding `<<`.
 */
export declare function mergeKeyOrderProblems(doc: Document): KubectlDifference[];
