// What `npm start` does when no Slack variable is set. (A later issue turns this into a local preview.)

export function runWithoutSlack(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): number {
  write("No Slack tokens are set (SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET), so the bot is not started.");
  write("Try the CLI instead:  npx zpa-code lookup BRK_MT_SETUP_TIMEOUT");
  write("To run the bot, see \"Running it in Slack\" and \"Configuration\" in README.md.");
  return 0;
}
