import type { MonitoringReportModel } from "./monitoring.service.js";

export type MonitoringReportMapper = MonitoringReportModel;
