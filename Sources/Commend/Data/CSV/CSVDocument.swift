import Foundation

/// A CSV file read into memory; `withText` checks that it is UTF-8 and
/// detects its separator.
struct CSVDocument {
    /// The path relative to the data directory, used in messages.
    let file: String
    private let data: [UInt8]

    /// Reads a file; logs and returns nil when it cannot be read.
    init?(url: URL, file: String, log: inout IssueLog) {
        self.file = file
        do {
            data = try FileBytes.read(url)
        } catch {
            log.add(DataIssue(path: file, message: "cannot read the file: \(error)"))
            return nil
        }
    }

    /// Calls `body` with the file's text; logs and returns nil when the file
    /// is not UTF-8 or is empty.
    func withText<R>(log: inout IssueLog, _ body: (CSVText, inout IssueLog) -> R?) -> R? {
        let found = data.withSpan { b -> (start: Int, separator: UInt8)? in
            guard let start = TextEncoding.textStart(b) else {
                log.add(DataIssue(path: file, message: TextEncoding.utf16Message))
                return nil
            }
            if let bad = TextEncoding.invalidUTF8(b, from: start) {
                log.add(DataIssue(path: file, line: bad.line, message: TextEncoding.message(for: bad)))
                return nil
            }
            return (start, SeparatorDetection.detect(b, from: start))
        }
        guard let found else { return nil }
        guard data[found.start...].contains(where: { $0 != ASCII.lf && $0 != ASCII.cr }) else {
            log.add(DataIssue(path: file, message: "file is empty; it needs a header line"))
            return nil
        }
        return body(CSVText(file: file, bytes: data, start: found.start, separator: found.separator), &log)
    }
}
