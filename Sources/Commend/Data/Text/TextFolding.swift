import Foundation

/// Folds spellings for lenient matching of enum values and booleans:
/// "Xuất sắc", "XUẤT SẮC", "xuat-sac" and "xuat_sac" all fold to "xuat_sac".
enum TextFolding {
    /// Lowercase, without diacritics (đ → d), with runs of spaces, hyphens and
    /// underscores as one underscore, trimmed.
    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSeparator = false
        for scalar in s.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F:
                continue // combining diacritical marks
            case 0x20, 0x09, 0x2D, 0x5F, 0xA0, 0x2010...0x2015:
                pendingSeparator = !out.isEmpty
            default:
                if pendingSeparator { out.append("_"); pendingSeparator = false }
                switch scalar.value {
                case 0x0111: out.append("d") // đ
                default: out.append(scalar)
                }
            }
        }
        return String(out)
    }
}
