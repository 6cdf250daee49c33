import ArgumentParser
import Commend

/// `--award`, `--unit`, `--awarded-only`: what `evaluate` (readable formats)
/// and `report` keep of a result.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only this award (or scoring) id.")
    var award: String?

    @Option(help: "Only the subjects of this unit's subtree (a unit id).")
    var unit: String?

    @Flag(help: "Only the awards someone received (their counts stay whole; a report leaves out the list of those a quota left out).")
    var awardedOnly = false

    var filter: ResultFilter { ResultFilter(award: award, unit: unit, awardedOnly: awardedOnly) }
}
