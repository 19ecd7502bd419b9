import ArgumentParser
import Foundation
import Synchronization

/// SIGINT during long work: the handler only raises a flag; the work checks it at each progress report
/// and stops by throwing, so no output file is written (outputs are staged and renamed at the end).
public enum Interruption {
    static let raised = Atomic<Bool>(false)

    /// Catches SIGINT from now on (only commands that check `check()` install it).
    public static func install() {
        signal(SIGINT) { _ in Interruption.raised.store(true, ordering: .relaxed) }
        // a parent may have started us with SIGINT blocked (Foundation's Process does): unblock it
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether SIGINT has arrived (a command that finished anyway reports it instead of exiting 0).
    public static var wasRaised: Bool { raised.load(ordering: .relaxed) }

    /// Throws `Interrupted` once SIGINT has arrived.
    public static func check() throws {
        if raised.load(ordering: .relaxed) { throw Interrupted() }
    }
}

/// The error of an interrupted command (exit status 130, like a shell).
public struct Interrupted: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted (SIGINT); no output files were written" }
}
