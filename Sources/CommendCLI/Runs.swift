import ArgumentParser

struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, finalize and compare recorded runs.",
        discussion: """
            A run is recorded by `commend evaluate ... --record` into the database named by
            --db (default $COMMEND_DB, else commend.db). Finalizing a run makes it the
            official decision of its plan, year and phase; the awards of finalized runs of
            earlier years feed ctx.history and ctx.streak.

              commend runs list
              commend runs show 3 --format json
              commend runs finalize 3
              commend runs diff 2 3

            Every subcommand takes --db FILE and --lang (vi or en, for tables and
            messages); list takes --plan, --phase and --format (table or json); show
            takes --format and --out; finalize takes --replace; diff takes --format and
            --out.
            """,
        subcommands: [RunsList.self, RunsShow.self, RunsFinalize.self, RunsDiff.self])
}
