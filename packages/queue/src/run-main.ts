import { DeploymentMismatchError } from "@newsflow/store";
import { EnvError } from "./env.js";

/**
 * Run an app's main. A mistake the user can fix (a bad environment variable, a partition count
 * the deployment does not have) is one line on stderr and exit code 2, without a stack trace.
 */
export async function runMain(app: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof EnvError || err instanceof DeploymentMismatchError) {
      process.stderr.write(`${app}: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
