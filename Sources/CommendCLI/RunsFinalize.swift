import ArgumentParser
import CommendStore

struct RunsFinalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Make a run the official decision of its plan, year and phase.",
        discussion: """
            One run per plan, year and phase is final. When another run already is,
            --replace makes this one final instead; the other stays in the store, marked
            as replaced. The awards of finalized runs feed ctx.history and ctx.streak of
            later years.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The run id (commend runs list).", valueName: "run"))
    var runID: Int64

    @Flag(help: "Replace the run that is final for the same plan, year and phase.")
    var replace = false

    func run() throws {
        let store = try self.store.open()
        let outcome = try store.finalize(run: runID, replace: replace)
        let recorded = try store.run(runID)
        let what = "plan \(recorded.plan) (\(recorded.year)), phase \(recorded.phase)"
        if outcome.alreadyFinal {
            print("run \(runID) is already the final decision of \(what)")
        } else if let replaced = outcome.replaced {
            print("run \(runID) is now the final decision of \(what); run \(replaced) is marked as replaced")
        } else {
            print("run \(runID) is now the final decision of \(what)")
        }
    }
}
