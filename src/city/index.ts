export { type CityLoadResult, DEFAULT_CITY_FILE, loadCity, officesWithoutStaffChat } from "./load.js";
export type { City, District, Office, OpeningHours } from "./model.js";
export {
  districtForLocation,
  districtsForPostalCode,
  fallbackOffice,
  findDistrict,
  formatOpeningHours,
  isOfficeOpen,
  officeForDistrict,
  type Placement,
} from "./routing.js";
