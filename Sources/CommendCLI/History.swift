import ArgumentParser

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import, export and look up the history of awards kept in the store.",
        discussion: """
            ctx.history and ctx.streak read, together with the data directory's
            history.csv, the awards of finalized runs of earlier years and the rows
            imported here (a subject, award and year known from two sources counts once).

              commend history import history-2018-2020.csv
              commend history export > history.csv
              commend history subject DV0000001

            Every subcommand takes --db FILE; export takes --before YEAR and --out FILE;
            subject takes --all (runs not finalized too), --format (table or json) and
            --lang (vi or en).
            """,
        subcommands: [HistoryImport.self, HistoryExport.self, HistorySubject.self])
}
