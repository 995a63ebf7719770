import AttuneCLI
import Foundation

exit(AttuneCommand.execute(Array(CommandLine.arguments.dropFirst())))
