import Foundation

/// Unicode NFC normalisation of cell text (names may arrive decomposed from
/// macOS tools).
enum NFC {
    /// True when the UTF-8 bytes are certainly NFC without looking further:
    /// every scalar is below U+0300 or in Latin Extended Additional
    /// (U+1E00–U+1EFF, the precomposed Vietnamese letters). Both ranges hold
    /// no combining marks and no characters that NFC changes.
    static func isQuicklyNFC(_ b: Span<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
            } else if c < 0xCC { // 2-byte sequences up to U+02FF
                i += 2
            } else if c == 0xE1, i + 1 < n, b[i + 1] >= 0xB8, b[i + 1] <= 0xBB { // U+1E00–U+1EFF
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// A string from valid UTF-8 bytes, in NFC.
    static func string(_ b: Span<UInt8>) -> String {
        let s = b.string
        return isQuicklyNFC(b) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// The string in NFC.
    static func normalize(_ s: String) -> String {
        s.withUTF8Bytes(isQuicklyNFC) ? s : s.precomposedStringWithCanonicalMapping
    }
}
