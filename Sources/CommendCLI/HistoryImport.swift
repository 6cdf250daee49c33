import ArgumentParser
import Commend
import CommendStore
import Foundation

struct HistoryImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add history rows (subject,award,year) to the store.",
        discussion: """
            The file has the shape of history.csv (RULES.md §3): a header with the
            columns subject, award and year, then one row per award received. Rows
            already in the store are kept once. Errors name the file and line; nothing
            is imported from a file with errors.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The CSV file to import.")
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ValidationError("\(file): no such file") }
        let entries = try HistoryEntry.read(csv: url, file: file)
        let added = try store.open().importHistory(entries, source: url.lastPathComponent)
        print("imported \(added) new history rows (\(entries.count - added) already in the store)")
    }
}
