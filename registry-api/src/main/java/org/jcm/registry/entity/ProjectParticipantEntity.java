package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/** A row of {@code project_participant}: an organization taking part in a project, in registration order. */
@Entity
@Table(name = "project_participant")
@Immutable
@IdClass(ProjectParticipantEntity.Key.class)
public class ProjectParticipantEntity {

    @Id
    @Column(name = "project_id", columnDefinition = "text")
    private String projectId;

    @Id
    @Column(name = "position")
    private int position;

    @Column(name = "organization_id", columnDefinition = "text")
    private String organizationId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", insertable = false, updatable = false)
    private OrganizationEntity organization;

    protected ProjectParticipantEntity() {
    }

    public String projectId() {
        return projectId;
    }

    public int position() {
        return position;
    }

    public String organizationId() {
        return organizationId;
    }

    /** Lazy: fetch it with the participant ({@code join fetch pp.organization}). */
    public OrganizationEntity organization() {
        return organization;
    }

    /** The primary key: project and position. */
    public static class Key implements Serializable {

        private String projectId;
        private int position;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && position == k.position && Objects.equals(projectId, k.projectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, position);
        }
    }
}
