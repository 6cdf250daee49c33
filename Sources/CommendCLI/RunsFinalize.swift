import ArgumentParser
import Commend
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
    @OptionGroup var language: LanguageOption

    @Argument(help: ArgumentHelp("The run id (commend runs list).", valueName: "run"))
    var runID: Int64

    @Flag(help: "Replace the run that is final for the same plan, year and phase.")
    var replace = false

    func run() throws {
        let store = try self.store.open()
        let outcome = try store.finalize(run: runID, replace: replace)
        let recorded = try store.run(runID)
        print(language.wording(.finalized(run: runID, plan: recorded.plan, year: recorded.year, phase: recorded.phase,
                                          replaced: outcome.replaced, already: outcome.alreadyFinal)))
    }
}
