/// The spellings a `bool` cell accepts (any case, with or without
/// diacritics): true/false, 1/0, yes/no, có/không, x.
enum BoolSpelling {
    /// Shown in error messages.
    static let expected = "expected true/false, 1/0, yes/no, có/không or x"

    private static let folded: [String: Bool] = [
        "true": true, "false": false,
        "1": true, "0": false,
        "yes": true, "no": false,
        "co": true, "khong": false,
        "x": true,
    ]

    /// The boolean that common ASCII spellings spell (`1`, `x`, `true`, `No`,
    /// ...), read from the bytes without making a string; nil for anything
    /// else, which `parse` then decides.
    static func quick(_ b: Span<UInt8>) -> Bool? {
        if b.count == 1 {
            switch b[0] | 0x20 {
            case 0x31: return true  // "1"
            case 0x30: return false // "0"
            case 0x78: return true         // "x", "X"
            default: return nil
            }
        }
        for (word, value) in ascii where word.count == b.count {
            var same = true
            for i in 0..<b.count where b[i] | 0x20 != word[i] { same = false; break }
            if same { return value }
        }
        return nil
    }

    private static let ascii: [([UInt8], Bool)] = [
        (Array("true".utf8), true), (Array("false".utf8), false),
        (Array("yes".utf8), true), (Array("no".utf8), false),
    ]

    /// The boolean a (trimmed, non-empty) text spells, or nil.
    static func parse(_ text: String) -> Bool? {
        if let b = folded[text] { return b }
        return folded[TextFolding.fold(text)]
    }
}
