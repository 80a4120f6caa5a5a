package vn.dvk.locality;

import org.springframework.data.repository.ListCrudRepository;

interface Organizations extends ListCrudRepository<Organization, Long> {
}
