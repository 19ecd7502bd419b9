import Algebra
import NumericBridge

/// The option that changes what a library error reports, appended to its one line: the library states the
/// fact, the command line names the flag.
func flagAdvice(for error: any Error) -> String {
    switch error {
    case is MemoryLimitError: return "; --memory-limit raises the limit"
    case is CriticalPointSurvey.ListTooLong: return "; raise --limit, or ask for the --lowest K"
    case let e as PermutationError:
        if case .degreeTooSmall = e { return " (--n)" }
        return ""
    case let e as NumericError:
        if case .diverged = e { return "; lower --learning-rate" }
        return ""
    default: return ""
    }
}
