export { type CityLoadResult, DEFAULT_CITY_FILE, loadCity, officesWithoutStaffChat } from "./load.js";
export type { City, District, Office, OpeningHours } from "./model.js";
export { districtsForPostalCode, fallbackOffice, findDistrict, isOfficeOpen, officeForDistrict } from "./routing.js";
