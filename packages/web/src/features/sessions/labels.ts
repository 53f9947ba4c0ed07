import type { Attendance, RsvpResponse, SeatStatus, SessionStatus, SessionTheme } from "../../generated/gql/graphql";

export const themeKey = (value: SessionTheme) => `sessionTheme.${value}` as const;
export const statusKey = (value: SessionStatus) => `sessionStatus.${value}` as const;
export const seatStatusKey = (value: SeatStatus) => `seatStatus.${value}` as const;
export const attendanceKey = (value: Attendance) => `attendance.${value}` as const;
export const responseKey = (value: RsvpResponse) => `rsvpResponse.${value}` as const;
