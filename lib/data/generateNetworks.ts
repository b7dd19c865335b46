/**
 * The networks table (`data/networks.csv`): the ten networks of chapter 2 with
 * years, composition, size, lead organisation, website and boundary notes.
 * Member counts are synthetic (the report gives bands); see calibration.ts.
 */
import { NETWORKS } from './calibration';
import { writeCsv } from '../io/writeCsv';
import { SYNTHETIC_MARK } from '../io/synthetic';

export const NETWORK_COLUMNS = [
  'network',
  'years',
  'years_fig13',
  'members',
  'hogeschool',
  'university',
  'mbo',
  'school_boards',
  'school_boards_band',
  'lead',
  'website',
  'boundaries',
  'notes',
  'fig18_letter',
  'report_section',
  'data_origin',
] as const;

/** @example generateNetworksCsv().split('\n')[0] // 'network,years,years_fig13,members,...' */
export function generateNetworksCsv(): string {
  const rows = NETWORKS.map((n) => [
    n.network,
    n.years,
    n.yearsFig13,
    n.approached,
    n.hogeschool,
    n.university,
    n.mbo,
    n.schoolBoards,
    n.schoolBoardsBand,
    n.lead,
    n.website,
    n.boundaries || null,
    n.notes,
    n.fig18Letter,
    n.section,
    SYNTHETIC_MARK,
  ]);
  return writeCsv(NETWORK_COLUMNS, rows);
}
