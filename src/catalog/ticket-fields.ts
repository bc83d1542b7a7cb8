// What to collect for a Zscaler Support ticket, per component: fields of the LSS log types the
// log-fields references in data/sources/log-fields/ describe (a test checks each name exists there).
import type { Component } from "./types.js";

export interface LogFieldPage {
  /** File under data/sources/ holding the field table. */
  file: string;
  /** The log type as the ZPA portal's Log Streaming Service names it. */
  log: string;
}

export const LOG_FIELD_PAGES = {
  userActivity: { file: "log-fields/user-activity.md", log: "User Activity" },
  userStatus: { file: "log-fields/user-status.md", log: "User Status" },
  connectorStatus: { file: "log-fields/connector-status.md", log: "App Connector Status" },
  serviceEdgeStatus: { file: "log-fields/private-service-edge-status.md", log: "Private Service Edge Status" },
  browserAccess: { file: "log-fields/browser-access.md", log: "Browser Access" },
} as const satisfies Record<string, LogFieldPage>;

export interface TicketLogFields {
  page: LogFieldPage;
  fields: readonly string[];
  /** When the log only applies to some setups ("if it is a Private Service Edge"). */
  when?: string;
}

export interface TicketFields {
  logs: readonly TicketLogFields[];
  /** What the logs do not hold but Support asks for, e.g. the App Connector's journal. */
  extras: readonly string[];
}

/** The session and connection, the user and application, and where the failure was reported. */
const SESSION = ["LogTimestamp", "SessionID", "ConnectionID", "Username", "Application", "Host", "ServerPort", "InternalReason"];

export const TICKET_FIELDS: Record<Component, TicketFields> = {
  AC: {
    logs: [
      { page: LOG_FIELD_PAGES.userActivity, fields: [...SESSION, "Connector", "ConnectorIP", "ConnectorZEN", "ServerIP"] },
      {
        page: LOG_FIELD_PAGES.connectorStatus,
        fields: ["Connector", "ConnectorGroup", "SessionStatus", "Version", "PrivateIP", "PublicIP", "TimestampUnAuthentication"],
      },
    ],
    extras: ["The App Connector's journal for the window: `sudo journalctl -u zpa-connector --since \"…\" --until \"…\"`"],
  },
  SE: {
    logs: [
      { page: LOG_FIELD_PAGES.userActivity, fields: [...SESSION, "ClientZEN", "ConnectorZEN", "Connector"] },
      {
        page: LOG_FIELD_PAGES.serviceEdgeStatus,
        fields: ["ServiceEdge", "ServiceEdgeGroup", "SessionStatus", "PackageVersion", "PrivateIP"],
        when: "if it is a Private Service Edge",
      },
    ],
    extras: [],
  },
  CLT: {
    logs: [
      {
        page: LOG_FIELD_PAGES.userStatus,
        fields: ["LogTimestamp", "SessionID", "Username", "SessionStatus", "Version", "Platform", "ClientType", "Hostname", "PublicIP", "ZEN"],
      },
      { page: LOG_FIELD_PAGES.userActivity, fields: ["ConnectionID", "Application", "Host", "ServerPort", "InternalReason"] },
    ],
    extras: ["The Client Connector's logs from the user's device (Zscaler Client Connector > Troubleshoot > Export Logs)"],
  },
  CA: {
    logs: [
      {
        page: LOG_FIELD_PAGES.userStatus,
        fields: ["LogTimestamp", "SessionID", "Username", "Idp", "SessionStatus", "CertificateCN", "SAMLAttributes", "ZEN"],
      },
      { page: LOG_FIELD_PAGES.userActivity, fields: ["ConnectionID", "Application", "Policy", "CAProcessingTime", "InternalReason"] },
    ],
    extras: [],
  },
  BA: {
    logs: [
      {
        page: LOG_FIELD_PAGES.browserAccess,
        fields: ["LogTimestamp", "ConnectionID", "NameID", "Host", "URL", "Method", "StatusCode", "ConnectionStatus", "ConnectionReason", "ApplicationPort", "ClientPublicIp", "UserAgent"],
      },
    ],
    extras: [],
  },
};

/** The window Support needs, said the same way on every card. */
export const TICKET_TIME_WINDOW =
  "When it happened, in UTC: from 5 minutes before the first failure to 5 minutes after the last (say the time zone if you copy local times).";
