import AttuneCLI
import Foundation

// Ctrl-C and `kill` remove what the run staged before it ends (see `Signals`).
Signals.install()
exit(AttuneCommand.execute(Array(CommandLine.arguments.dropFirst())))
