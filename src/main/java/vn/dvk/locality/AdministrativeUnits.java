package vn.dvk.locality;

import org.springframework.data.repository.ListCrudRepository;

interface AdministrativeUnits extends ListCrudRepository<AdministrativeUnit, Long> {
}
